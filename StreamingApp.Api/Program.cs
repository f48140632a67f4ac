using StreamingApp.Api.Apis;
using StreamingApp.Api.Extensions;
using StreamingApp.Api.Parties;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseCors();
app.UseOutputCache();
app.MapOpenApi();
app.MapDefaultEndpoints();

app.MapVideosApi();
app.MapUploadsApi();
app.MapPlaybackApi();
app.MapMediaApi();
app.MapHistoryApi();
app.MapAdminApi();
app.MapPartiesApi();
app.MapPartyHub();

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
