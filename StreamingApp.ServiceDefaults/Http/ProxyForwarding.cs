using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace StreamingApp.ServiceDefaults.Http;

/// <summary>
/// Trusts <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> only from configured proxies, so that behind an
/// ingress or load balancer the client address and scheme are right and nobody else can spoof them.
/// </summary>
public static class ProxyForwarding
{
    public const string SectionName = "ForwardedHeaders";

    public static IHostApplicationBuilder AddProxyForwarding(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(ParseAddress(proxy));
            }

            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(ParseNetwork(network));
            }

            if (section.GetValue<int?>("ForwardLimit") is { } limit)
            {
                options.ForwardLimit = limit;
            }
        });
        return builder;
    }

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{SectionName}:KnownProxies contains '{value}', which is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{SectionName}:KnownNetworks contains '{value}', which is not a CIDR range such as 10.0.0.0/8.");
}
