global using StreamingApp.Auth.Users;
