using WatchParties;

// bare-hub: the reference server (ASPNETCORE_URLS, BARE_REDIS for the backplane).
// run: the load client and the browser pages; settings come from the environment bench/watch-parties.sh sets.
return args.FirstOrDefault() switch
{
    "bare-hub" => BareHubServer.Run(args[1..]),
    "run" => await WatchPartiesBenchmark.RunAsync(BenchSettings.FromEnvironment()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: WatchParties bare-hub | run   (through bench/watch-parties.sh)");
    return 2;
}
