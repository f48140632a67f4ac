global using StreamingApp.Auth.Users;
global using StreamingApp.ServiceDefaults.Authentication;
global using StreamingApp.TestSupport;
