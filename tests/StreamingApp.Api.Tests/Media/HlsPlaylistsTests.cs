using StreamingApp.Api.Media.Transcoding;

namespace StreamingApp.Api.Tests.Media;

public sealed class HlsPlaylistsTests
{
    private const string FfmpegMaster = """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-STREAM-INF:BANDWIDTH=3220800,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
        720p/index.m3u8

        #EXT-X-STREAM-INF:BANDWIDTH=985600,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
        360p/index.m3u8
        """;

    private const string Variant = """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-TARGETDURATION:4
        #EXT-X-PLAYLIST-TYPE:VOD
        #EXT-X-MAP:URI="init_0.mp4"
        #EXTINF:4.000000,
        segment_00000.m4s
        #EXTINF:4.000000,
        segment_00001.m4s
        #EXTINF:1.000000,
        segment_00002.m4s
        #EXT-X-ENDLIST
        """;

    [Fact]
    public void Ffmpegs_master_playlist_is_read_with_quoted_codecs_intact()
    {
        var variants = HlsPlaylists.ReadMaster(FfmpegMaster);

        Assert.Equal(
            [new HlsPlaylists.Variant("720p/index.m3u8", 1280, 720, "avc1.64001f,mp4a.40.2"), new HlsPlaylists.Variant("360p/index.m3u8", 640, 360, "avc1.64001e,mp4a.40.2")],
            variants);
    }

    [Fact]
    public void Bandwidth_is_the_peak_segment_bitrate_and_the_average_is_over_the_whole_rendition()
    {
        var media = HlsPlaylists.ReadVariant(Variant);
        var sizes = new Dictionary<string, long> { ["segment_00000.m4s"] = 500_000, ["segment_00001.m4s"] = 1_000_000, ["segment_00002.m4s"] = 50_000 };

        var (peak, average) = HlsPlaylists.MeasureBitrates(media, uri => sizes[uri]);

        Assert.Equal("init_0.mp4", media.InitSegment);
        Assert.Equal(3, media.Segments.Count);
        Assert.Equal(2_000_000, peak);
        Assert.Equal(1_377_778, average);
    }

    [Fact]
    public void The_master_playlist_lists_the_lowest_variant_first()
    {
        var variants = HlsPlaylists.ReadMaster(FfmpegMaster);

        var master = HlsPlaylists.WriteMaster([(variants[0], 3_100_000, 2_900_000), (variants[1], 900_000, 850_000)]);

        Assert.Equal("""
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=850000,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
            360p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=3100000,AVERAGE-BANDWIDTH=2900000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
            720p/index.m3u8

            """, master);
    }

    [Fact]
    public void A_master_playlist_without_codecs_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => HlsPlaylists.ReadMaster("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=2x2\na.m3u8\n"));
    }
}
