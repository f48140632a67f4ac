namespace StreamingApp.Api.Access;

public static class ApiPolicies
{
    /// <summary>Creators and admins: may create and upload videos.</summary>
    public const string Creator = "creator";

    public const string Admin = "admin";

    public static IServiceCollection AddApiPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Creator, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => ApiUser.From(context.User).IsCreator))
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => ApiUser.From(context.User).IsAdmin));
        return services;
    }
}
