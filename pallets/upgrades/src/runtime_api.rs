//! The runtime API through which nodes and clients read pending upgrades and readiness.

use crate::{NodeVersion, UpgradeStatus};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Pending runtime upgrades and the node version the running runtime needs.
	pub trait UpgradesApi<Hash, BlockNumber, AuthorityId>
	where
		Hash: Codec,
		BlockNumber: Codec,
		AuthorityId: Codec,
	{
		/// The pending upgrades in activation order, each with the readiness signalled so far.
		fn pending_upgrades() -> Vec<UpgradeStatus<Hash, BlockNumber>>;
		/// The least node version that can run the running runtime (set by activated upgrades).
		fn required_node_version() -> NodeVersion;
		/// The node version `authority` last signalled, if any.
		fn signalled_version(authority: AuthorityId) -> Option<NodeVersion>;
	}
}
