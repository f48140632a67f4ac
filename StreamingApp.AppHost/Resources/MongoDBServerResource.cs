namespace StreamingApp.AppHost.Resources;

/// <summary>
/// MongoDB in a container (the hosting integration package is not used, so the resource is written here):
/// the official image with a root user whose password Aspire generates and keeps in user secrets.
/// </summary>
public sealed class MongoDBServerResource(string name, ParameterResource password) : ContainerResource(name), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string UserName = "root";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"mongodb://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}/?authSource=admin");
}

public static class MongoDBServerResourceExtensions
{
    public const string Image = "mongo";
    public const string Tag = "8.0";

    public static IResourceBuilder<MongoDBServerResource> AddMongoDBServer(this IDistributedApplicationBuilder builder, string name)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        return builder.AddResource(new MongoDBServerResource(name, password))
            .WithImage(Image, Tag)
            .WithEndpoint(targetPort: 27017, name: MongoDBServerResource.EndpointName, scheme: "tcp")
            .WithEnvironment("MONGO_INITDB_ROOT_USERNAME", MongoDBServerResource.UserName)
            .WithEnvironment("MONGO_INITDB_ROOT_PASSWORD", password)
            .WithVolume($"streamingapp-{name}-data", "/data/db");
    }
}
