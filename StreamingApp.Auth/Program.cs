using StreamingApp.Auth.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAuthServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapOpenApi();
app.MapDefaultEndpoints();

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
