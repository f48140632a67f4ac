using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Regions;

namespace StreamingApp.Api.Catalog;

/// <summary>The <c>Catalog</c> section.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>
    /// How long a public listing (browse, search, featured) is answered from memory. Changes made through this process
    /// show at once; changes made by other replicas and view counts show after at most this long. Zero turns it off.
    /// </summary>
    public TimeSpan ListCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Caches the response bytes of the public listings. They are the same for every viewer in one country, so without this
/// each request would query the database, read every listed video and serialize the page again.
/// </summary>
public static class CatalogCache
{
    public const string PolicyName = "catalog";
    public const string Tag = "catalog";

    public static IHostApplicationBuilder AddCatalogCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection(CatalogOptions.SectionName));
        builder.Services.AddOutputCache(options => options.AddPolicy(PolicyName, policy => policy.AddPolicy<ListPolicy>(), excludeDefaultPolicy: true));
        DecorateVideoStore(builder.Services);
        return builder;
    }

    /// <summary>Wraps the registered store so that every catalog change made through it drops the cached listings.</summary>
    private static void DecorateVideoStore(IServiceCollection services)
    {
        var inner = services.Last(descriptor => descriptor.ServiceType == typeof(IVideoStore));
        services.Remove(inner);
        services.AddSingleton<IVideoStore>(provider => new EvictingVideoStore(
            inner.ImplementationFactory?.Invoke(provider) as IVideoStore
                ?? (IVideoStore)ActivatorUtilities.GetServiceOrCreateInstance(provider, inner.ImplementationType!),
            provider.GetRequiredService<IOutputCacheStore>()));
    }

    /// <summary>
    /// GET and HEAD of an endpoint that does not depend on the caller (so also for signed-in callers), varied by the
    /// listing's query parameters and the viewer's country; only successful answers are kept.
    /// </summary>
    private sealed class ListPolicy(IOptions<CatalogOptions> options, ViewerCountryResolver countries) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var duration = options.Value.ListCacheDuration;
            var cacheable = duration > TimeSpan.Zero && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = new(["genre", "q", "sort", "page", "pageSize"]);
            context.CacheVaryByRules.VaryByValues["country"] = countries.Resolve(context.HttpContext) ?? string.Empty;
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Forwards to the real store and drops the cached listings after each write; view counts are left to expiry.</summary>
    private sealed class EvictingVideoStore(IVideoStore inner, IOutputCacheStore cache) : IVideoStore
    {
        public Task<Video?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public async Task<Video?> CreateAsync(Video video, CancellationToken cancellationToken) =>
            await EvictAfterAsync(inner.CreateAsync(video, cancellationToken));

        public async Task<Video?> UpdateAsync(Video video, CancellationToken cancellationToken) =>
            await EvictAfterAsync(inner.UpdateAsync(video, cancellationToken));

        public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
            await EvictAfterAsync(inner.DeleteAsync(id, cancellationToken));

        public Task<Page<Video>> SearchAsync(CatalogQuery query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

        public Task<Page<Video>> ListByOwnerAsync(string ownerId, int page, int pageSize, CancellationToken cancellationToken) =>
            inner.ListByOwnerAsync(ownerId, page, pageSize, cancellationToken);

        public Task<Page<Video>> ListAllAsync(AdminVideoQuery query, CancellationToken cancellationToken) => inner.ListAllAsync(query, cancellationToken);

        public Task<IReadOnlyList<Video>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            inner.GetManyAsync(ids, cancellationToken);

        public Task IncrementViewCountAsync(string id, CancellationToken cancellationToken) => inner.IncrementViewCountAsync(id, cancellationToken);

        private async Task<T> EvictAfterAsync<T>(Task<T> write)
        {
            var result = await write;
            // Not the caller's token: once the write happened, the listings must not keep showing the old state.
            await cache.EvictByTagAsync(Tag, CancellationToken.None);
            return result;
        }
    }
}
