global using StreamingApp.TestSupport;
