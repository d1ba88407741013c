//! The runtime API through which nodes and clients read pending upgrades, their code and the
//! authorities' readiness.

use crate::{Signal, UpgradeStatus};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Pending runtime upgrades, their code and who can run it.
	///
	/// Version 2: readiness per code (version 1 counted signalled node versions).
	#[api_version(2)]
	pub trait UpgradesApi<Hash, BlockNumber, AuthorityId>
	where
		Hash: Codec,
		BlockNumber: Codec,
		AuthorityId: Codec,
	{
		/// The pending upgrades in activation order, each with the readiness signalled so far.
		fn pending_upgrades() -> Vec<UpgradeStatus<Hash, BlockNumber>>;
		/// The code of the pending upgrade with `code_hash` (what a node checks it can run).
		fn pending_code(code_hash: Hash) -> Option<Vec<u8>>;
		/// The last signals of the current authorities for `code_hash`.
		fn signals(code_hash: Hash) -> Vec<(AuthorityId, Signal<BlockNumber>)>;
	}
}
