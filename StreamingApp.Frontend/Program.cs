using StreamingApp.Frontend.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddFrontendServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseFrontend();
app.MapDefaultEndpoints();
app.MapFrontend();

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
