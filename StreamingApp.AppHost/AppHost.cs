using StreamingApp.AppHost.Resources;

var builder = DistributedApplication.CreateBuilder(args);

var dataDirectory = Path.GetFullPath(builder.Configuration["DataDirectory"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));
var database = builder.AddStreamingAppDatabase(out var databaseIsContainer);
var partyBackplane = builder.AddPartyBackplane(out var partyBackplaneIsContainer);

var auth = builder.AddProject<Projects.StreamingApp_Auth>("auth")
    .WithHttpHealthCheck("/health")
    .WithServiceData(dataDirectory, database, databaseIsContainer);

var api = builder.AddProject<Projects.StreamingApp_Api>("api")
    .WithHttpHealthCheck("/health")
    .WithReference(auth)
    .WithServiceData(dataDirectory, database, databaseIsContainer)
    .WithStorageSettings(builder.Configuration)
    .WithPartyBackplane(partyBackplane, partyBackplaneIsContainer);

var frontend = builder.AddProject<Projects.StreamingApp_Frontend>("frontend")
    .WithHttpHealthCheck("/health")
    .WithReference(api)
    .WithReference(auth)
    .WithServiceData(dataDirectory, database: null, waitForDatabase: false)
    .WithExternalHttpEndpoints();

// Auth names itself (the token issuer) by the address the other services reach it at, and links its emails to the Frontend.
auth.WithEnvironment("Auth__Issuer", auth.GetEndpoint("http"))
    .WithEnvironment("Auth__FrontendBaseUrl", frontend.GetEndpoint("http"));

// Invite links point at the web UI's party page.
api.WithEnvironment("Parties__InviteBaseUrl", frontend.GetEndpoint("http"));

// Pages on the Frontend's origin may fetch media from the Api directly.
api.WithEnvironment("Cors__Origins__0", frontend.GetEndpoint("http"));

builder.Build().Run();
