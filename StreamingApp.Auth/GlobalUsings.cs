global using Microsoft.AspNetCore.Http.HttpResults;
global using StreamingApp.Auth.Users;
global using StreamingApp.ServiceDefaults.Authentication;
