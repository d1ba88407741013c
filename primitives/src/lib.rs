//! # MetaCert primitives
//!
//! Traits that more than one MetaCert pallet uses, defined once here so that the pallets never
//! depend on each other: a runtime wires one pallet's implementation into another's `Config`.
//!
//! ## Voting power at snapshots
//!
//! A **snapshot** is the state at the end of a block. Governance counts every vote on a proposal
//! with the voter's power at the proposal's snapshot, and its electorate is the total supply at
//! that snapshot, so moving tokens after the snapshot never changes what a proposal counts.
//!
//! A source decides which blocks are snapshots and how long each stays readable; what it answers
//! for a readable snapshot must be exact and must never change. [`VotingPower::snapshot_for`]
//! names the snapshot that a proposal submitted now counts, and
//! [`VotingPower::readable_until`] bounds the voting period such a proposal may have.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

/// A source of voting power and total supply at snapshots (pallet-token implements it).
pub trait VotingPower<AccountId, BlockNumber, Balance> {
	/// The snapshot that a proposal submitted in block `now` counts: the latest readable snapshot
	/// taken before `now`. `None` if there is none (no snapshots configured, or `now` is the
	/// genesis block).
	fn snapshot_for(now: BlockNumber) -> Option<BlockNumber>;

	/// The last block in which `snapshot` can still be read, or `None` if `snapshot` is not a
	/// snapshot. A proposal counting `snapshot` must end its voting by then.
	fn readable_until(snapshot: BlockNumber) -> Option<BlockNumber>;

	/// The longest voting period that a proposal counting [`Self::snapshot_for`] is sure to
	/// have, whenever it is submitted: a governance pallet refuses longer periods.
	fn longest_voting_period() -> BlockNumber;

	/// The voting power of `who` at `snapshot`; `None` if `snapshot` is not readable now.
	fn voting_power_at(who: &AccountId, snapshot: BlockNumber) -> Option<Balance>;

	/// The total supply (all voting power together) at `snapshot`; `None` if `snapshot` is not
	/// readable now.
	fn total_supply_at(snapshot: BlockNumber) -> Option<Balance>;

	/// The voting power of `who` now.
	fn current_voting_power(who: &AccountId) -> Balance;
}
