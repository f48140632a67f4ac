namespace StreamingApp.Api.Uploads;

public sealed record StartDirectUploadRequest(string? FileName, string? ContentType, long SizeBytes)
{
    public const int MaxFileNameLength = 255;

    public Dictionary<string, string[]> Validate(long maxUploadBytes)
    {
        var errors = new Dictionary<string, string[]>();
        if (SourceContentTypes.Normalize(ContentType) is null)
        {
            errors["contentType"] = [$"Upload a video: {SourceContentTypes.Accepted}."];
        }

        if (SizeBytes <= 0 || SizeBytes > maxUploadBytes)
        {
            errors["sizeBytes"] = [$"The file size is 1 to {maxUploadBytes} bytes."];
        }

        if (FileName is { Length: > MaxFileNameLength })
        {
            errors["fileName"] = [$"File names have at most {MaxFileNameLength} characters."];
        }

        return errors;
    }
}

public sealed record PartUrl(int PartNumber, string Url);

public sealed record DirectUploadResponse(string UploadId, int PartSize, long SizeBytes, IReadOnlyList<PartUrl> Parts);

public sealed record ReceivedPart(int PartNumber, string ETag, long Size);

/// <summary>State of a direct upload: what S3 already has, and fresh URLs for the parts still missing.</summary>
public sealed record DirectUploadStatus(string UploadId, int PartSize, long SizeBytes, IReadOnlyList<ReceivedPart> ReceivedParts, IReadOnlyList<PartUrl> MissingParts);

public sealed record CompletedPart(int PartNumber, string? ETag);

public sealed record CompleteDirectUploadRequest(IReadOnlyList<CompletedPart>? Parts)
{
    public const int MaxETagLength = 128;

    public Dictionary<string, string[]> Validate(int expectedParts)
    {
        var errors = new Dictionary<string, string[]>();
        if (Parts is null || Parts.Count != expectedParts
            || !Parts.Select(part => part.PartNumber).Order().SequenceEqual(Enumerable.Range(1, expectedParts))
            || Parts.Any(part => string.IsNullOrWhiteSpace(part.ETag) || part.ETag.Length > MaxETagLength))
        {
            errors["parts"] = [$"List every part, numbered 1 to {expectedParts}, each with the ETag S3 returned for it."];
        }

        return errors;
    }
}

public sealed record UploadAccepted(string Id, VideoStatus Status);
