global using Microsoft.AspNetCore.Http.HttpResults;
global using StreamingApp.Api.Catalog;
global using StreamingApp.Api.Storage;
global using Microsoft.Extensions.Diagnostics.HealthChecks;
