//! What the node does about runtime upgrades (`pallet-upgrades`):
//!
//! - at start it writes its version to its offchain storage, where the runtime's offchain worker
//!   reads it to signal readiness for the authority keys this node holds;
//! - on each new best block it reads the pending upgrades and warns, naming the block and the
//!   version, when it is too old for one of them;
//! - it stops authoring (with a clear error line) once the running runtime needs a newer node,
//!   instead of producing blocks the upgraded nodes would not accept.

use std::sync::Arc;

use codec::Encode;
use futures::{future, StreamExt};
use metacert_runtime::{opaque::Block, BlockNumber, Hash};
use pallet_upgrades::{runtime_api::UpgradesApi, NodeVersion, NODE_VERSION_KEY};
use sc_client_api::BlockchainEvents;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::offchain::OffchainStorage;
use sp_runtime::traits::Header as _;

use crate::service::FullClient;

/// Log target of the node's upgrade handling.
const LOG_TARGET: &str = "upgrades";

/// The version of this node software (from its crate version).
pub fn own_version() -> NodeVersion {
	env!("CARGO_PKG_VERSION").parse().unwrap_or_else(|e| {
		panic!("the crate version {} is not a node version: {e}", env!("CARGO_PKG_VERSION"))
	})
}

/// Parses a `--pretend-node-version` argument.
pub fn parse_version(s: &str) -> Result<NodeVersion, String> {
	s.parse().map_err(|e| format!("`{s}` is not a node version: {e}"))
}

/// Writes `version` where the runtime's offchain worker reads it.
pub fn publish_version(storage: Option<impl OffchainStorage>, version: NodeVersion) {
	match storage {
		Some(mut storage) => {
			storage.set(sp_core::offchain::STORAGE_PREFIX, NODE_VERSION_KEY, &version.encode())
		},
		None => log::warn!(
			target: LOG_TARGET,
			"no offchain storage: this node cannot signal its readiness for runtime upgrades"
		),
	}
}

type Api<'a> = sp_api::ApiRef<'a, <FullClient as ProvideRuntimeApi<Block>>::Api>;

/// The node version the runtime at `at` needs, if the runtime has the upgrades API.
fn required_at(api: &Api<'_>, at: Hash) -> Option<NodeVersion> {
	api.has_api::<dyn UpgradesApi<Block, Hash, BlockNumber, AuraId>>(at)
		.ok()
		.filter(|has| *has)
		.and_then(|_| api.required_node_version(at).ok())
}

/// Why this node does not author on top of a block.
pub fn too_old_message(version: NodeVersion, required: NodeVersion) -> String {
	format!(
		"this node (version {version}) is too old for the running runtime, which needs node \
		 version {required} or newer since an activated upgrade: not authoring blocks; upgrade \
		 the node software"
	)
}

/// Follows new best blocks and logs what pending and activated upgrades mean for this node.
pub async fn watch(client: Arc<FullClient>, version: NodeVersion) {
	let mut blocks = client.import_notification_stream().filter(|n| future::ready(n.is_new_best));
	let mut halted = false;
	while let Some(block) = blocks.next().await {
		let (hash, number) = (block.hash, *block.header.number());
		let api = client.runtime_api();
		let Some(required) = required_at(&api, hash) else { continue };
		if required > version {
			if !halted {
				log::error!(target: LOG_TARGET, "❌ At block #{number}: {}", too_old_message(version, required));
			}
			halted = true;
			continue;
		}
		halted = false;
		let Ok(pending) = api.pending_upgrades(hash) else { continue };
		for status in pending.into_iter().filter(|s| s.upgrade.min_node_version > version) {
			let upgrade = status.upgrade;
			log::warn!(
				target: LOG_TARGET,
				"⚠️ This node (version {version}) is too old for the runtime upgrade scheduled for \
				 block #{} (spec_version {} needs node version {} or newer): upgrade the node \
				 before block #{}, after which this node stops authoring",
				upgrade.activate_at,
				upgrade.spec_version,
				upgrade.min_node_version,
				upgrade.activate_at,
			);
		}
	}
}

/// A block proposer factory that refuses to author on top of a block whose runtime needs a
/// newer node than this one.
pub struct VersionGate<E> {
	inner: E,
	client: Arc<FullClient>,
	version: NodeVersion,
}

impl<E> VersionGate<E> {
	/// Gates `inner` for a node of `version`.
	pub fn new(inner: E, client: Arc<FullClient>, version: NodeVersion) -> Self {
		Self { inner, client, version }
	}
}

impl<E> sp_consensus::Environment<Block> for VersionGate<E>
where
	E: sp_consensus::Environment<Block, Error = sp_blockchain::Error>,
{
	type Proposer = E::Proposer;
	type CreateProposer =
		future::Either<E::CreateProposer, future::Ready<Result<E::Proposer, E::Error>>>;
	type Error = E::Error;

	fn init(
		&mut self,
		parent: &<Block as sp_runtime::traits::Block>::Header,
	) -> Self::CreateProposer {
		let required = required_at(&self.client.runtime_api(), parent.hash());
		match required {
			Some(required) if required > self.version => {
				let error =
					sp_consensus::Error::Other(too_old_message(self.version, required).into());
				future::Either::Right(future::ready(Err(error.into())))
			},
			_ => future::Either::Left(self.inner.init(parent)),
		}
	}
}
