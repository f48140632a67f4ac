using StreamingApp.Frontend.Services;

namespace StreamingApp.Frontend.Extensions;

public static class FrontendServiceExtensions
{
    /// <summary>Logical name of the Api; Aspire (or an operator) maps it to an address through <c>services__api__http__0</c>.</summary>
    public const string ApiBaseAddress = "https+http://api";

    public static IHostApplicationBuilder AddFrontendServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHttpClient<CatalogClient>(client => client.BaseAddress = new Uri(ApiBaseAddress));
        return builder;
    }
}
