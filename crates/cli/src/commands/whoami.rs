//! `hoseline whoami`: STS GetCallerIdentity, the cheapest proof that credentials work.

use hoseline_aws::sts::GetCallerIdentity;
use hoseline_aws::transport::native::NativeClient;
use hoseline_aws::{ClientConfig, Error};

#[derive(Debug, clap::Args)]
pub(crate) struct WhoamiArgs {
    /// Print JSON instead of lines of text.
    #[arg(long)]
    json: bool,
}

pub(crate) async fn run(config: ClientConfig, args: &WhoamiArgs) -> Result<(), Error> {
    let client = NativeClient::native(config)?;
    let identity = client.send(&GetCallerIdentity).await?;
    if args.json {
        let value = serde_json::json!({
            "Account": identity.account,
            "Arn": identity.arn,
            "UserId": identity.user_id,
        });
        println!("{value}");
    } else {
        println!("Account: {}", identity.account);
        println!("Arn:     {}", identity.arn);
        println!("UserId:  {}", identity.user_id);
    }
    Ok(())
}
