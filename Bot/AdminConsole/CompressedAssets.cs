using Microsoft.Net.Http.Headers;

namespace OrganBot.Bot.AdminConsole;

/// <summary>
/// Serves a script or stylesheet of the console as the Brotli or gzip file the asset build wrote next to it
/// (tools/console/build.mjs), when the browser accepts that encoding: the bundle is about a quarter of its size on the
/// wire, and nothing is compressed per request. Anything else falls through to the static files.
/// </summary>
internal static class CompressedAssets
{
    private static readonly (string Encoding, string Extension)[] s_encodings = [("br", ".br"), ("gzip", ".gz")];

    public static IApplicationBuilder UseCompressedConsoleAssets(this IApplicationBuilder app, string assets) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var name = request.Path.StartsWithSegments("/console/assets", out var rest) ? rest.Value?.TrimStart('/') : null;
        var type = Path.GetExtension(name) switch { ".js" => "text/javascript", ".css" => "text/css", _ => null };
        if (HttpMethods.IsGet(request.Method) && type is not null && name!.IndexOfAny(['/', '\\']) < 0 && !name.Contains("..", StringComparison.Ordinal))
        {
            var accepted = request.Headers.AcceptEncoding.ToString();
            foreach (var (encoding, extension) in s_encodings)
            {
                var file = new FileInfo(Path.Combine(assets, name + extension));
                if (!accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) || !file.Exists) continue;
                var headers = context.Response.Headers;
                headers.ContentEncoding = encoding;
                headers.Vary = HeaderNames.AcceptEncoding;
                headers.XContentTypeOptions = "nosniff";
                headers.LastModified = file.LastWriteTimeUtc.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                context.Response.ContentType = type + "; charset=utf-8";
                context.Response.ContentLength = file.Length;
                await context.Response.SendFileAsync(file.FullName, context.RequestAborted);
                return;
            }
        }

        await next(context);
    });
}
