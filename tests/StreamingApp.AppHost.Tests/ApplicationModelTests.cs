using Microsoft.Extensions.Configuration;
using StreamingApp.AppHost.Resources;

namespace StreamingApp.AppHost.Tests;

/// <summary>How the AppHost wires resources for each environment, checked on the model without starting anything.</summary>
public sealed class ApplicationModelTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_container_runtime_there_is_no_database_or_redis_resource_and_nothing_waits()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.StreamingApp_AppHost>(["--StreamingApp:Containers=off"], Cancellation);

        Assert.DoesNotContain(builder.Resources, resource => resource.Name is "mongodb" or "redis");
        Assert.All(Projects(builder), project => Assert.False(project.TryGetAnnotationsOfType<WaitAnnotation>(out _)));
    }

    [Fact]
    public async Task With_a_container_runtime_mongodb_runs_in_a_container_that_auth_and_api_wait_for()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.StreamingApp_AppHost>(
            ["--StreamingApp:Containers=on", "--DcpPublisher:ContainerRuntimeInitializationTimeout=00:00:00"], Cancellation);

        var mongo = Assert.IsType<MongoDBServerResource>(builder.Resources.Single(resource => resource.Name == "mongodb"));
        Assert.True(mongo.TryGetLastAnnotation<ContainerImageAnnotation>(out var image));
        Assert.Equal(("mongo", "8.0"), (image.Image, image.Tag));
        var waiting = Projects(builder).Where(project => project.TryGetAnnotationsOfType<WaitAnnotation>(out _)).Select(project => project.Name).Order();
        Assert.Equal(["api", "auth"], waiting);
    }

    [Fact]
    public async Task With_a_container_runtime_the_api_waits_for_a_redis_container_as_its_party_backplane()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.StreamingApp_AppHost>(
            ["--StreamingApp:Containers=on", "--DcpPublisher:ContainerRuntimeInitializationTimeout=00:00:00"], Cancellation);

        var redis = Assert.IsType<RedisResource>(builder.Resources.Single(resource => resource.Name == "redis"));
        var api = Projects(builder).Single(project => project.Name == "api");
        Assert.True(api.TryGetAnnotationsOfType<WaitAnnotation>(out var waits));
        Assert.Contains(waits, wait => wait.Resource == redis);
        Assert.Contains(api.Annotations.OfType<ResourceRelationshipAnnotation>(), relationship => relationship.Resource == redis);
        Assert.DoesNotContain(Projects(builder).Where(project => project.Name != "api"), project => project.Annotations.OfType<ResourceRelationshipAnnotation>().Any(relationship => relationship.Resource == redis));
    }

    [Fact]
    public async Task Configured_mongodb_and_redis_connection_strings_are_used_and_not_waited_for()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.StreamingApp_AppHost>(
            ["--ConnectionStrings:mongodb=mongodb://db.example:27017", "--ConnectionStrings:redis=cache.example:6379", "--StreamingApp:Containers=on"], Cancellation);

        var mongo = builder.Resources.Single(resource => resource.Name == "mongodb");
        var redis = builder.Resources.Single(resource => resource.Name == "redis");
        Assert.IsNotType<MongoDBServerResource>(mongo);
        Assert.IsNotType<RedisResource>(redis);
        Assert.IsAssignableFrom<IResourceWithConnectionString>(mongo);
        Assert.IsAssignableFrom<IResourceWithConnectionString>(redis);
        Assert.All(Projects(builder), project => Assert.False(project.TryGetAnnotationsOfType<WaitAnnotation>(out _)));
    }

    [Theory]
    [InlineData("off", false)]
    [InlineData("on", true)]
    public void The_container_setting_overrides_the_probe(string setting, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(ContainerRuntime.SettingKey, setting)])
            .Build();

        Assert.Equal(expected, ContainerRuntime.IsAvailable(configuration));
    }

    private static IEnumerable<ProjectResource> Projects(IDistributedApplicationTestingBuilder builder) =>
        builder.Resources.OfType<ProjectResource>();
}
