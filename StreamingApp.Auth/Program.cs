using StreamingApp.Auth.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAuthServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthServices();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapAuthApi();

app.Run();

/// <summary>Internal, so test projects that start Auth beside another service see only that service's Program; hosts use <see cref="StreamingApp.Auth.AuthAssembly"/>.</summary>
internal partial class Program;
