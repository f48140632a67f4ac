using System.Diagnostics;
using System.Text;

namespace StreamingApp.TestSupport;

/// <summary>
/// Writes a tiny GeoLite2-Country style .mmdb with MaxMind's own writer (Debian's libmaxmind-db-writer-perl), so
/// GeoIP lookups are tested against a real database file rather than a stand-in.
/// </summary>
public static class GeoIpDatabase
{
    public static async Task WriteAsync(string path, IReadOnlyDictionary<string, string> countryByNetwork)
    {
        var script = new StringBuilder("""
            use strict; use warnings;
            use MaxMind::DB::Writer::Tree;
            my %types = (country => 'map', iso_code => 'utf8_string', names => 'map', en => 'utf8_string', geoname_id => 'uint32');
            my $tree = MaxMind::DB::Writer::Tree->new(
              ip_version => 6, record_size => 24, database_type => 'GeoLite2-Country', languages => ['en'],
              description => { en => 'StreamingApp test countries' }, alias_ipv6_to_ipv4 => 1, remove_reserved_networks => 0,
              map_key_type_callback => sub { $types{ $_[0] } });
            """);
        foreach (var (network, country) in countryByNetwork)
        {
            script.AppendLine($"$tree->insert_network('{network}', {{ country => {{ iso_code => '{country}', geoname_id => 1, names => {{ en => '{country}' }} }} }});");
        }

        script.AppendLine("open my $fh, '>:raw', $ARGV[0] or die $!; $tree->write_tree($fh); close $fh;");

        var scriptPath = path + ".pl";
        await File.WriteAllTextAsync(scriptPath, script.ToString());
        try
        {
            using var perl = Process.Start(new ProcessStartInfo("perl", [scriptPath, path]) { RedirectStandardError = true })
                ?? throw new InvalidOperationException("perl could not be started.");
            var errors = await perl.StandardError.ReadToEndAsync();
            await perl.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (perl.ExitCode != 0)
            {
                throw new InvalidOperationException($"Writing the GeoIP test database failed (install libmaxmind-db-writer-perl): {errors}");
            }
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }
}
