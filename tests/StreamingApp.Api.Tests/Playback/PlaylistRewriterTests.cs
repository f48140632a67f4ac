using StreamingApp.Api.Playback;

namespace StreamingApp.Api.Tests.Playback;

public sealed class PlaylistRewriterTests
{
    [Fact]
    public void Relative_uris_in_master_and_media_playlists_carry_the_signing_query()
    {
        const string Master = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
            360p/index.m3u8
            """;
        const string Media = """
            #EXTM3U
            #EXT-X-MAP:URI="init_0.mp4"
            #EXTINF:4.000000,
            segment_00000.m4s
            #EXTINF:4.000000,
            https://elsewhere.example/segment.m4s
            #EXT-X-ENDLIST
            """;

        var master = PlaylistRewriter.AppendQuery(Master, "scope=s&exp=1&sig=x");
        var media = PlaylistRewriter.AppendQuery(Media, "scope=s&exp=1&sig=x");

        Assert.Contains("\n360p/index.m3u8?scope=s&exp=1&sig=x", master, StringComparison.Ordinal);
        Assert.Contains("CODECS=\"avc1.64001e,mp4a.40.2\"", master, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-MAP:URI=\"init_0.mp4?scope=s&exp=1&sig=x\"", media, StringComparison.Ordinal);
        Assert.Contains("\nsegment_00000.m4s?scope=s&exp=1&sig=x\n", media, StringComparison.Ordinal);
        Assert.Contains("\nhttps://elsewhere.example/segment.m4s\n", media, StringComparison.Ordinal);
        Assert.EndsWith("#EXT-X-ENDLIST", media, StringComparison.Ordinal);
    }
}
