using MongoDB.Bson.Serialization;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Api.Catalog.MongoDb;

/// <summary>Maps catalog records to BSON: the video id is the document's <c>_id</c>; everything else follows the shared conventions.</summary>
public static class CatalogClassMaps
{
    public static void Register()
    {
        MongoConventions.Register();
        BsonClassMap.TryRegisterClassMap<Video>(map =>
        {
            map.AutoMap();
            map.MapIdMember(video => video.Id);
        });
    }
}
