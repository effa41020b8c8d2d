//! Numbers: capacity and auto scaling, buffering, retries, the Lambda's memory and timeout, the
//! TTL and lifecycle days, at and just past each bound.

use super::*;

fn provisioned(read: u32, write: u32, scaling: Option<(u32, u32, u32)>) -> PipelineSpec {
    let mut spec = aws();
    spec.table.as_mut().expect("table").billing = Billing::Provisioned {
        read_capacity_units: read,
        write_capacity_units: write,
        auto_scaling: scaling.map(|(min, max, target)| AutoScaling {
            min_capacity: min,
            max_capacity: max,
            target_utilization: target,
        }),
    };
    spec
}

#[test]
fn provisioned_capacity_is_at_least_one_unit() {
    // DynamoDB API, ProvisionedThroughput: ReadCapacityUnits and WriteCapacityUnits, min 1.
    assert_valid(&provisioned(1, 1, None));
    assert_error(
        &provisioned(0, 1, None),
        "table.billing.readCapacityUnits",
        "at least 1",
    );
    assert_error(
        &provisioned(1, 0, None),
        "table.billing.writeCapacityUnits",
        "at least 1",
    );
}

#[test]
fn auto_scaling_bounds_hold_the_write_capacity() {
    // DynamoDB guide, "Managing throughput capacity automatically with auto scaling": a minimum
    // and maximum capacity, and a target utilization from 20 to 90 percent.
    assert_valid(&provisioned(5, 5, Some((5, 50, 20))));
    assert_valid(&provisioned(5, 50, Some((5, 50, 90))));
    assert_error(
        &provisioned(5, 5, Some((0, 50, 70))),
        "table.billing.autoScaling.minCapacity",
        "at least 1",
    );
    assert_error(
        &provisioned(5, 10, Some((10, 5, 70))),
        "table.billing.autoScaling.maxCapacity",
        "at least the minimum capacity, 10 (it is 5)",
    );
    assert_error(
        &provisioned(5, 60, Some((5, 50, 70))),
        "table.billing.writeCapacityUnits",
        "within auto scaling's range, 5 to 50 (it is 60)",
    );
    assert_error(
        &provisioned(5, 5, Some((5, 50, 19))),
        "table.billing.autoScaling.targetUtilization",
        "from 20 to 90 percent (it is 19)",
    );
    assert_error(
        &provisioned(5, 5, Some((5, 50, 91))),
        "table.billing.autoScaling.targetUtilization",
        "(it is 91)",
    );
}

#[test]
fn buffer_sizes_follow_each_destination_and_the_function_url() {
    // Firehose API: BufferingHints.SizeInMBs 1-128 (S3), HttpEndpointBufferingHints 1-64.
    let mut s3 = PipelineSpec::aws_s3("demo", "eu-west-1");
    for ok in [1, 128] {
        s3.stream.buffering_size_mb = ok;
        assert_valid(&s3);
    }
    for bad in [0, 129] {
        s3.stream.buffering_size_mb = bad;
        assert_error(&s3, "stream.bufferingSizeMb", "MiB for an S3 destination");
    }
    let mut local = local();
    for ok in [1, 64] {
        local.stream.buffering_size_mb = ok;
        assert_valid(&local);
    }
    local.stream.buffering_size_mb = 65;
    assert_error(
        &local,
        "stream.bufferingSizeMb",
        "from 1 to 64 MB for an HTTP endpoint",
    );

    // On AWS the bridge is a Lambda function URL: 6 MB a request, after base64.
    let mut spec = aws();
    spec.stream.buffering_size_mb = LAMBDA_FUNCTION_URL_MAX_BUFFER_MB;
    assert_valid(&spec);
    spec.stream.buffering_size_mb = 5;
    assert_error(
        &spec,
        "stream.bufferingSizeMb",
        "5 MB arrives as about 6.7 MB",
    );
}

#[test]
fn interval_and_retry_duration_ranges() {
    // Firehose API: IntervalInSeconds 0-900; HttpEndpointRetryOptions.DurationInSeconds 0-7200.
    let mut spec = aws();
    for ok in [0, 900] {
        spec.stream.buffering_interval_seconds = ok;
        assert_valid(&spec);
    }
    spec.stream.buffering_interval_seconds = 901;
    assert_error(
        &spec,
        "stream.bufferingIntervalSeconds",
        "from 0 to 900 seconds",
    );
    let mut spec = aws();
    for ok in [0, 7200] {
        spec.stream.retry_duration_seconds = ok;
        assert_valid(&spec);
    }
    spec.stream.retry_duration_seconds = 7201;
    assert_error(
        &spec,
        "stream.retryDurationSeconds",
        "from 0 to 7200 seconds (it is 7201)",
    );
}

#[test]
fn lambda_memory_and_timeout() {
    // Lambda quotas: memory 128-10,240 MB; timeout up to 900 s. Ours: at least 100 s.
    let mut spec = aws();
    for ok in [128, 10_240] {
        spec.bridge.as_mut().expect("bridge").memory_size_mb = ok;
        assert_valid(&spec);
    }
    for bad in [127, 10_241] {
        spec.bridge.as_mut().expect("bridge").memory_size_mb = bad;
        assert_error(&spec, "bridge.memorySizeMb", "from 128 to 10240 MB");
    }
    let mut spec = aws();
    for ok in [MIN_BRIDGE_TIMEOUT_SECONDS, 900] {
        spec.bridge.as_mut().expect("bridge").timeout_seconds = ok;
        assert_valid(&spec);
    }
    spec.bridge.as_mut().expect("bridge").timeout_seconds = 901;
    assert_error(&spec, "bridge.timeoutSeconds", "from 1 to 900 seconds");
    spec.bridge.as_mut().expect("bridge").timeout_seconds = 99;
    assert_error(
        &spec,
        "bridge.timeoutSeconds",
        "writes a delivery for up to 90 s",
    );
}

#[test]
fn ttl_and_lifecycle_days() {
    let mut spec = aws();
    for ok in [1, 36_500] {
        spec.bridge.as_mut().expect("bridge").ttl_days = Some(ok);
        assert_valid(&spec);
    }
    spec.bridge.as_mut().expect("bridge").ttl_days = Some(0);
    assert_error(&spec, "bridge.ttlDays", "from 1 to 36500 days");

    // S3 API, LifecycleExpiration: Days must be a positive integer.
    let mut spec = aws();
    spec.bucket.expiration_days = Some(1);
    assert_valid(&spec);
    spec.bucket.expiration_days = Some(0);
    assert_error(&spec, "bucket.expirationDays", "at least 1 day");
}
