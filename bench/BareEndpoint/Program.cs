// The reference server of bench/api.sh: Kestrel with the smallest pipeline that can answer the same requests as
// the Api, so a comparison shows what the Api's own work costs.
//   Bench:CatalogBody  a file whose bytes GET /api/videos returns as JSON (the Api's captured response).
//   Bench:MediaRoot    a folder served below /media/ with byte ranges, as the Api serves its local blob store.
// Run in the Production environment with logging off, like the Api under test.
using Microsoft.AspNetCore.StaticFiles;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

if (app.Configuration["Bench:CatalogBody"] is { Length: > 0 } bodyFile)
{
    var body = File.ReadAllBytes(bodyFile);
    app.MapGet("/api/videos", () => Results.Bytes(body, "application/json; charset=utf-8"));
}

if (app.Configuration["Bench:MediaRoot"] is { Length: > 0 } mediaFolder)
{
    var root = Path.GetFullPath(Path.Combine(mediaFolder, "media")) + Path.DirectorySeparatorChar;
    var contentTypes = new FileExtensionContentTypeProvider();
    contentTypes.Mappings[".m4s"] = "video/iso.segment";
    contentTypes.Mappings[".m3u8"] = "application/vnd.apple.mpegurl";
    app.MapGet("/media/{**path}", (string path) =>
    {
        var file = new FileInfo(Path.GetFullPath(Path.Combine(root, path)));
        if (!file.FullName.StartsWith(root, StringComparison.Ordinal) || !file.Exists)
        {
            return Results.NotFound();
        }

        return Results.File(file.FullName, contentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream",
            lastModified: file.LastWriteTimeUtc, enableRangeProcessing: true);
    });
}

app.Run();
