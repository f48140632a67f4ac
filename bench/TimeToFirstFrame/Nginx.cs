using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>nginx on a free loopback port serving a bare hls.js page and the HLS files, tuned as a fair reference.</summary>
internal sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private Nginx(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<Nginx> StartAsync(string workFolder, string mediaFolder, string hlsScript)
    {
        var root = Directory.CreateDirectory(Path.Combine(workFolder, "nginx"));
        var site = Directory.CreateDirectory(Path.Combine(root.FullName, "site"));
        File.Copy(hlsScript, Path.Combine(site.FullName, "hls.light.min.js"));
        CopyFolder(mediaFolder, site.FullName);
        await File.WriteAllTextAsync(Path.Combine(site.FullName, "index.html"), """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>bare hls.js</title></head>
            <body>
            <script src="hls.light.min.js"></script>
            <script>
              const video = document.createElement('video');
              video.muted = false;
              const hls = new Hls({ startLevel: 0 });
              hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
              hls.attachMedia(video);
              hls.loadSource('master.m3u8');
              document.body.append(video);
            </script>
            </body></html>
            """);

        var port = FreePort();
        var config = Path.Combine(root.FullName, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            pid {{root.FullName}}/nginx.pid;
            error_log {{root.FullName}}/error.log warn;
            {{(Environment.UserName == "root" ? "user root;" : string.Empty)}}
            events { worker_connections 256; }
            http {
              access_log off;
              sendfile on;
              tcp_nopush on;
              open_file_cache max=1000 inactive=60s;
              keepalive_requests 10000;
              types { text/html html; application/javascript js; application/vnd.apple.mpegurl m3u8; video/mp4 mp4 m4s; image/jpeg jpg; text/vtt vtt; }
              client_body_temp_path {{root.FullName}}/body;
              proxy_temp_path {{root.FullName}}/proxy;
              fastcgi_temp_path {{root.FullName}}/fastcgi;
              uwsgi_temp_path {{root.FullName}}/uwsgi;
              scgi_temp_path {{root.FullName}}/scgi;
              server {
                listen 127.0.0.1:{{port}};
                root {{site.FullName}};
              }
            }
            """);

        var process = Process.Start(new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx", ["-c", config, "-p", root.FullName, "-g", "daemon off;"])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("nginx could not be started.");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new Nginx(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not start listening.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The whole tree: killing only the master would leave its worker processes running.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyFolder(string source, string destination)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
