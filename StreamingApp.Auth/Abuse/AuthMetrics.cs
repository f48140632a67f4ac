using System.Diagnostics.Metrics;
using StreamingApp.ServiceDefaults.Telemetry;

namespace StreamingApp.Auth.Abuse;

/// <summary>
/// Counters of the meter <c>StreamingApp.Auth</c>. Prometheus renders <c>auth.login.failures</c> as
/// <c>auth_login_failures_total</c>, which the alerting rules watch for credential stuffing.
/// </summary>
public sealed class AuthMetrics
{
    public const string MeterName = $"{TelemetryDefaults.SourcePrefix}.Auth";

    private readonly Counter<long> _loginFailures;
    private readonly Counter<long> _logins;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _refreshes;

    public AuthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _loginFailures = meter.CreateCounter<long>("auth.login.failures", description: "Sign-ins refused, by reason");
        _logins = meter.CreateCounter<long>("auth.logins", description: "Successful sign-ins");
        _registrations = meter.CreateCounter<long>("auth.registrations", description: "Accounts created");
        _refreshes = meter.CreateCounter<long>("auth.refreshes", description: "Refresh token exchanges, by outcome");
    }

    /// <param name="reason"><c>bad-credentials</c>, <c>locked-out</c>, <c>email-not-verified</c>, <c>disabled</c> or <c>bad-second-factor</c>.</param>
    public void LoginFailed(string reason) => _loginFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void LoggedIn() => _logins.Add(1);

    public void Registered() => _registrations.Add(1);

    /// <param name="outcome"><c>rotated</c>, <c>invalid</c> or <c>reused</c>.</param>
    public void Refreshed(string outcome) => _refreshes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
