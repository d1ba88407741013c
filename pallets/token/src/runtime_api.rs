//! Runtime API of pallet-token: voting power and supply at snapshots, for clients and other
//! chains' tooling (polkadot.js calls it as `api.call.tokenApi.*`).
//!
//! Version 2 reads snapshots (see [`crate::snapshots`]): a block that is not a readable snapshot
//! has no answer (`None`) instead of version 1's reading of a checkpoint history, and delegations
//! carry their amount.

use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Voting power and supply at snapshots, and delegations.
	#[api_version(2)]
	pub trait TokenApi<AccountId, BlockNumber, Balance>
	where
		AccountId: Codec,
		BlockNumber: Codec,
		Balance: Codec,
	{
		/// The voting power of `who` at the end of block `at` (version 1).
		#[changed_in(2)]
		fn voting_power_at(who: AccountId, at: BlockNumber) -> Balance;
		/// The voting power of `who` at `snapshot`, as a proposal in the next block would read it;
		/// `None` unless `snapshot` is readable then (or is the snapshot of a proposal opened
		/// before snapshots, while those can take votes).
		fn voting_power_at(who: AccountId, snapshot: BlockNumber) -> Option<Balance>;
		/// The current voting power of `who`: its total balance, less what it delegates, plus
		/// what is delegated to it.
		fn current_voting_power(who: AccountId) -> Balance;
		/// The total supply at the end of block `at` (version 1).
		#[changed_in(2)]
		fn total_supply_at(at: BlockNumber) -> Balance;
		/// The total supply at `snapshot`, as a proposal in the next block would read it; `None`
		/// unless `snapshot` is readable then.
		fn total_supply_at(snapshot: BlockNumber) -> Option<Balance>;
		/// The account `who` delegates to and the amount it delegates (version 1 had
		/// `delegate_of(who) -> Option<AccountId>` instead).
		fn delegation_of(who: AccountId) -> Option<(AccountId, Balance)>;
		/// The snapshots readable in the next block, oldest first; the last is the one a
		/// proposal submitted in the next block counts.
		fn readable_snapshots() -> Vec<BlockNumber>;
	}
}
