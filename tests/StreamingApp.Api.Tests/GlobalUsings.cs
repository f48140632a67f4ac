global using StreamingApp.Api.Catalog;
global using StreamingApp.Api.Storage;
global using StreamingApp.TestSupport;
