using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StreamingApp.Auth.Abuse;
using StreamingApp.Auth.Options;
using StreamingApp.Auth.Passwords;
using StreamingApp.Auth.TwoFactor;

namespace StreamingApp.Auth.Sessions;

/// <summary>
/// Checks sign-in credentials: password, lockout (after <c>Auth:Lockout:MaxFailures</c> consecutive failures, for
/// <c>Auth:Lockout:Duration</c>), account state, and the second factor (a TOTP code or a single-use recovery code).
/// Account state is only revealed to someone who knows the password; unknown emails cost the same time and lock out
/// the same way as real accounts.
/// </summary>
public sealed class SignIn(
    IUserStore users,
    AccountPasswords passwords,
    UnknownAccountLockout unknownAccounts,
    TotpAuthenticator totp,
    IOptions<AuthOptions> options,
    TimeProvider time)
{
    public async Task<SignInResult> CheckAsync(string email, string password, string? code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await users.FindByEmailAsync(email, cancellationToken);
        if (user is null)
        {
            var normalized = User.Normalize(email);
            if (unknownAccounts.RemainingLockout(normalized) is { } remaining)
            {
                return new SignInResult(SignInStatus.LockedOut, null, remaining);
            }

            passwords.VerifyDecoy(password);
            unknownAccounts.RecordFailure(normalized);
            return new SignInResult(SignInStatus.BadCredentials, null);
        }

        if (user.IsLockedOut(now))
        {
            return new SignInResult(SignInStatus.LockedOut, user, user.LockedUntil!.Value - now);
        }

        var verification = passwords.Verify(user, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            return await FailAsync(user, SignInStatus.BadCredentials, now, cancellationToken);
        }

        if (user.Disabled)
        {
            return new SignInResult(SignInStatus.Disabled, user);
        }

        if (options.Value.RequireVerifiedEmail && !user.EmailVerified)
        {
            return new SignInResult(SignInStatus.EmailNotVerified, user);
        }

        var secondFactor = SecondFactor.None;
        if (user.TotpEnabled)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return new SignInResult(SignInStatus.TotpRequired, user);
            }

            secondFactor = CheckSecondFactor(user, code);
            if (secondFactor.Kind == SecondFactorKind.Wrong)
            {
                return await FailAsync(user, SignInStatus.BadSecondFactor, now, cancellationToken);
            }
        }

        var newHash = verification == PasswordVerificationResult.SuccessRehashNeeded ? passwords.Hash(user, password) : null;
        var replayed = false;
        var stored = await users.ChangeAsync(user, current =>
        {
            // Re-checked on the stored copy: a code or recovery code used by a concurrent sign-in counts once.
            replayed = secondFactor.Kind == SecondFactorKind.Totp && current.LastTotpTimeStep >= secondFactor.TimeStep
                || secondFactor.Kind == SecondFactorKind.RecoveryCode && !current.RecoveryCodeHashes.Contains(secondFactor.RecoveryCodeHash);
            return replayed ? current : current with
            {
                FailedSignIns = 0,
                LockedUntil = null,
                LastSignInAt = now,
                UpdatedAt = now,
                PasswordHash = newHash ?? current.PasswordHash,
                LastTotpTimeStep = secondFactor.Kind == SecondFactorKind.Totp ? secondFactor.TimeStep : current.LastTotpTimeStep,
                RecoveryCodeHashes = secondFactor.Kind == SecondFactorKind.RecoveryCode
                    ? current.RecoveryCodeHashes.Where(hash => hash != secondFactor.RecoveryCodeHash).ToList()
                    : current.RecoveryCodeHashes,
            };
        }, cancellationToken);

        if (stored is null)
        {
            return new SignInResult(SignInStatus.BadCredentials, null);
        }

        return replayed
            ? await FailAsync(stored, SignInStatus.BadSecondFactor, now, cancellationToken)
            : new SignInResult(SignInStatus.Succeeded, stored, UsedRecoveryCode: secondFactor.Kind == SecondFactorKind.RecoveryCode);
    }

    private SecondFactor CheckSecondFactor(User user, string code)
    {
        var secret = totp.Unprotect(user.TotpSecret!, user.Id);
        if (totp.TryVerify(secret, code, user.LastTotpTimeStep, out var step))
        {
            return new SecondFactor(SecondFactorKind.Totp, step, string.Empty);
        }

        var index = TotpAuthenticator.MatchRecoveryCode(user.RecoveryCodeHashes, code);
        return index >= 0 ? new SecondFactor(SecondFactorKind.RecoveryCode, 0, user.RecoveryCodeHashes[index]) : SecondFactor.Wrong;
    }

    private async Task<SignInResult> FailAsync(User user, SignInStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lockout = options.Value.Lockout;
        var stored = await users.ChangeAsync(user, current => current.FailedSignIns + 1 >= lockout.MaxFailures
            ? current with { FailedSignIns = 0, LockedUntil = now + lockout.Duration, UpdatedAt = now }
            : current with { FailedSignIns = current.FailedSignIns + 1, UpdatedAt = now }, cancellationToken);
        return new SignInResult(status, stored, LockedOutNow: stored?.IsLockedOut(now) == true);
    }

    private enum SecondFactorKind
    {
        None,
        Totp,
        RecoveryCode,
        Wrong,
    }

    private sealed record SecondFactor(SecondFactorKind Kind, long TimeStep, string RecoveryCodeHash)
    {
        public static readonly SecondFactor None = new(SecondFactorKind.None, 0, string.Empty);
        public static readonly SecondFactor Wrong = new(SecondFactorKind.Wrong, 0, string.Empty);
    }
}

public enum SignInStatus
{
    Succeeded,
    BadCredentials,
    LockedOut,
    Disabled,
    EmailNotVerified,
    TotpRequired,
    BadSecondFactor,
}

/// <param name="RetryAfter">For <see cref="SignInStatus.LockedOut"/>: how long the lockout lasts.</param>
/// <param name="LockedOutNow">This failure started a lockout.</param>
public sealed record SignInResult(SignInStatus Status, User? User, TimeSpan? RetryAfter = null, bool UsedRecoveryCode = false, bool LockedOutNow = false);
