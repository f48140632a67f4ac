global using Aspire.Hosting;
global using Aspire.Hosting.ApplicationModel;
global using Aspire.Hosting.Testing;
global using Microsoft.Playwright;
global using StreamingApp.TestSupport;
