global using StreamingApp.Auth.Users;
global using StreamingApp.TestSupport;
