//! `pallet_aura`: round-robin block authoring by the authorities set in genesis.

use frame_support::traits::{ConstBool, ConstU32};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

use crate::Runtime;

impl pallet_aura::Config for Runtime {
	/// Authorities author with sr25519 keys.
	type AuthorityId = AuraId;
	/// No validator is ever disabled (no staking, no slashing on this chain).
	type DisabledValidators = ();
	/// Upper bound of the authority set.
	type MaxAuthorities = ConstU32<32>;
	/// One block per slot.
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	/// Slot duration = 2 x the timestamp's minimum period = the block time.
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}
