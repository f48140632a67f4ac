using System.ComponentModel.DataAnnotations;

namespace StreamingApp.Api.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>local</c> (default) or <c>s3</c>.</summary>
    public string Provider { get; set; } = "local";

    /// <summary>Folder for the local provider; defaults to <c>{DataDirectory}/blobs</c>.</summary>
    public string? LocalPath { get; set; }

    public S3StorageOptions S3 { get; set; } = new();
}

public sealed class S3StorageOptions
{
    public string? Bucket { get; set; }

    public string? Region { get; set; }

    /// <summary>An S3-compatible endpoint (MinIO, moto...) instead of AWS; implies path-style addressing.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary><c>aws:kms</c> (default, what the bucket policy in infra/ requires), <c>AES256</c> or <c>none</c>.</summary>
    public string ServerSideEncryption { get; set; } = "aws:kms";

    /// <summary>KMS key for SSE-KMS; empty means the bucket's default key.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>Size of each part of a streamed multipart upload: memory use is this times <see cref="UploadConcurrency"/>.</summary>
    [Range(5 * 1024 * 1024, 512 * 1024 * 1024)]
    public int PartSizeBytes { get; set; } = 16 * 1024 * 1024;

    [Range(1, 16)]
    public int UploadConcurrency { get; set; } = 4;
}
