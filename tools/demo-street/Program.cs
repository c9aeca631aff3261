using Dispatch.DemoStreet;

if (LoaderOptions.Parse(args, Environment.GetEnvironmentVariable, out var error) is not { } options)
{
    Console.Error.WriteLine($"demo-street: {error}");
    Console.Error.WriteLine(LoaderOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var http = new HttpClient { BaseAddress = options.Gateway, Timeout = TimeSpan.FromSeconds(30) };

try
{
    var data = DemoData.Load(options.DataDirectory);
    Console.WriteLine($"demo-street: {data.Street.Communities.Count} communities, {data.Teams.Count} teams, {data.Needs.Count} needs from {options.DataDirectory}");
    var accounts = await new DemoStreetLoader(http, options, data, Console.Out).LoadAsync(cancel.Token);
    AccountTable.Write(Console.Out, accounts);
    return 0;
}
catch (Exception ex) when (ex is DemoLoadException or HttpRequestException or IOException or System.Text.Json.JsonException or TaskCanceledException)
{
    Console.Error.WriteLine($"demo-street: loading failed: {ex.Message}");
    return 1;
}
