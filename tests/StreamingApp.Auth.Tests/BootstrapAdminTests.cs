namespace StreamingApp.Auth.Tests;

public sealed class BootstrapAdminTests
{
    [Fact]
    public async Task A_weak_bootstrap_password_stops_the_service_with_the_reason()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AuthServer.StartAsync(new Dictionary<string, string?> { ["Auth:BootstrapAdmin:Password"] = "password123" }));

        var messages = string.Join(" | ", Flatten(error).Select(exception => exception.Message));
        Assert.Contains("Auth:BootstrapAdmin:Password is refused: This password is too common", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_service_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AuthServer.StartAsync(new Dictionary<string, string?> { ["Auth:SigningKeys:PublishAhead"] = "60.00:00:00" }));

        Assert.Contains("Auth:SigningKeys:PublishAhead", string.Join(" | ", Flatten(error).Select(exception => exception.Message)), StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
