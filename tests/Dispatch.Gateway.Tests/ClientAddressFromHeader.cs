using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Dispatch.Gateway.Tests;

/// <summary>
/// The in-process test server has no remote address: this takes one from <see cref="Header"/>, so a test can sign in
/// as from two places (a stranger's and the owner's).
/// </summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            return following(context);
        });
        next(app);
    };
}
