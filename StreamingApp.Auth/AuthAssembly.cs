namespace StreamingApp.Auth;

/// <summary>
/// Names this assembly for hosts that start the Auth service in-process (<c>WebApplicationFactory&lt;AuthAssembly&gt;</c>),
/// where the global <c>Program</c> type would be ambiguous beside another service's.
/// </summary>
public sealed class AuthAssembly;
