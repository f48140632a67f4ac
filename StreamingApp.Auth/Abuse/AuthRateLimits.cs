using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using StreamingApp.Auth.Apis;
using StreamingApp.Auth.Options;

namespace StreamingApp.Auth.Abuse;

/// <summary>
/// Fixed-window limits per client address on the endpoints attackers hammer (the middleware, policy per endpoint) and
/// per account or email (<see cref="AccountRateLimiter"/>, checked by the handlers once they have read the body).
/// Both answer 429 with <c>Retry-After</c>. Counters live in each replica's memory; the lockout is in the database.
/// </summary>
public static class AuthRateLimits
{
    // The names of the policies are those of their configuration sections (Auth:RateLimits:Login...).
    public const string Register = nameof(RateLimitOptions.Register);
    public const string Login = nameof(RateLimitOptions.Login);
    public const string ForgotPassword = nameof(RateLimitOptions.ForgotPassword);
    public const string Totp = nameof(RateLimitOptions.Totp);

    public static IServiceCollection AddAuthRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddSingleton<AccountRateLimiter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var value) ? value : TimeSpan.FromMinutes(1);
                await AuthProblems.TooManyRequests(context.HttpContext, retryAfter).ExecuteAsync(context.HttpContext);
            };

            foreach (var (name, policy) in limits.All)
            {
                options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
                    ClientNetwork(context.Connection.RemoteIpAddress), _ => Window(policy.PermitsPerIp, policy.Window)));
            }
        });
        return services;
    }

    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>The client's address; for IPv6 its /64 network, since one subscriber usually holds a whole /64.</summary>
    internal static string ClientNetwork(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>Per-account limits (keyed by normalized email or user id), one set of windows per policy.</summary>
public sealed class AccountRateLimiter : IDisposable
{
    private readonly Dictionary<string, PartitionedRateLimiter<string>> _limiters;

    public AccountRateLimiter(Microsoft.Extensions.Options.IOptions<AuthOptions> options) =>
        _limiters = options.Value.RateLimits.All.ToDictionary(
            entry => entry.Name,
            entry => PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(
                account, _ => AuthRateLimits.Window(entry.Policy.PermitsPerAccount, entry.Policy.Window))));

    /// <summary><c>null</c> when allowed; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string policy, string account)
    {
        using var lease = _limiters[policy].AttemptAcquire(account);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
