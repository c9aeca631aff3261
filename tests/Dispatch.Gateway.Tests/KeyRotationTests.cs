using System.Net;
using System.Text;
using System.Text.Json;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class KeyRotationTests(KeyRotationGatewayFactory gateway) : IClassFixture<KeyRotationGatewayFactory>
{
    private const string NewKey = "second-file-signing-key-that-is-long-enough-0002";

    [Fact]
    public async Task Keys_rotate_by_rewriting_the_keys_file_without_a_restart()
    {
        var oldToken = Token(KeyRotationGatewayFactory.FirstKey);
        var newToken = Token(NewKey);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(oldToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(newToken));

        // Step 1: the new key first (it signs), the old one still accepted.
        await File.WriteAllTextAsync(gateway.KeysFile, $"# rotated\n{NewKey}\n{KeyRotationGatewayFactory.FirstKey}\n");
        await Eventually.TrueAsync(async () => await StatusAsync(newToken) == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "the new key should be accepted");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(oldToken));
        var issued = await gateway.CreateClient().TokenAsync("admin", GatewayFactory.AdminPassword);
        Assert.Equal(new AuthOptions { SigningKeys = NewKey }.Keys()[0].KeyId, KeyId(issued));

        // Step 2: the old key dropped; its tokens stop working.
        await File.WriteAllTextAsync(gateway.KeysFile, NewKey + "\n");
        await Eventually.TrueAsync(async () => await StatusAsync(oldToken) == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), "the dropped key should be refused");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(newToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(issued));
    }

    private static string Token(string key) =>
        new TokenWriter(new AuthOptions { SigningKeys = key }, TimeProvider.System).Write(new Caller(Guid.NewGuid(), "admin", Roles.Admin, null, null, null, null)).Token;

    private async Task<HttpStatusCode> StatusAsync(string token) => (await gateway.ClientWithToken(token).GetAsync("/api/needs")).StatusCode;

    private static string KeyId(string token)
    {
        var header = token.Split('.')[0].Replace('-', '+').Replace('_', '/');
        header = header.PadRight(header.Length + (4 - header.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header))).RootElement.GetProperty("kid").GetString()!;
    }
}
