// Adds ready, public videos to the Api's SQLite catalog, each a copy of one video the Api processed (same renditions,
// same thumbnail file under the copy's own media folder), so GET /api/videos lists and signs them like real ones.
//   CatalogSeeder <api.db> <blob folder> <template video id> <count>
// Run it while the Api is running: SQLite's WAL mode lets the Api read while this writes.
using System.Globalization;
using StreamingApp.Api.Catalog;
using StreamingApp.Api.Catalog.Sqlite;
using StreamingApp.Api.Media;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

if (args.Length != 4 || !int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
{
    Console.Error.WriteLine("usage: CatalogSeeder <api.db> <blob folder> <template video id> <count>");
    return 2;
}

var (databasePath, blobFolder, templateId) = (args[0], args[1], args[2]);
var store = new SqliteVideoStore(new SqliteDatabase(databasePath));
var template = await store.GetAsync(templateId, CancellationToken.None);
if (template is not { Status: VideoStatus.Ready, ThumbnailKey: { } thumbnailKey })
{
    Console.Error.WriteLine($"Video {templateId} is not a ready video with a thumbnail.");
    return 1;
}

string[] words = ["river", "night", "city", "harbour", "mountain", "garden", "signal", "winter", "market", "orbit", "forest", "bridge"];
var genres = Enum.GetValues<Genre>();
var now = DateTimeOffset.UtcNow;
for (var index = 0; index < count; index++)
{
    // Newest first in the catalog means the seeded videos page like uploads made over the last days.
    var publishedAt = now.AddMinutes(-(index + 1) * 37);
    var id = Guid.CreateVersion7(publishedAt).ToString("N");
    var prefix = MediaLayout.Prefix(id, 1);
    var thumbnail = prefix + Path.GetFileName(thumbnailKey);
    Directory.CreateDirectory(Path.Combine(blobFolder, prefix));
    File.Copy(Path.Combine(blobFolder, thumbnailKey), Path.Combine(blobFolder, thumbnail), overwrite: true);

    var (first, second) = (words[index % words.Length], words[index * 7 % words.Length]);
    var video = template with
    {
        Id = id,
        Title = string.Create(CultureInfo.InvariantCulture, $"The {first} and the {second}, part {index + 1}"),
        Description = $"A short film about a {first} seen from a {second}: long takes, natural light and a quiet score. "
            + "Recorded on location over one week; subtitles in English and French.",
        Genre = genres[index % genres.Length],
        Tags = [first, second, "bench"],
        ReleaseYear = 1990 + index % 35,
        ViewCount = index * 7919 % 100_000,
        MediaPrefix = prefix,
        ThumbnailKey = thumbnail,
        StoryboardKey = template.StoryboardKey is { } storyboard ? prefix + Path.GetFileName(storyboard) : null,
        Featured = false,
        CreatedAt = publishedAt,
        UpdatedAt = publishedAt,
        PublishedAt = publishedAt,
        Version = 0,
    };

    if (await store.CreateAsync(video, CancellationToken.None) is null)
    {
        Console.Error.WriteLine($"Video {id} already exists.");
        return 1;
    }
}

Console.WriteLine($"Added {count} ready videos copied from {templateId}.");
return 0;
