global using Bunit;
global using StreamingApp.Frontend.Services;
