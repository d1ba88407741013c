//! `pallet_grandpa`: finality by the authorities set in genesis.

use frame_support::traits::{ConstU32, ConstU64};

use crate::{Runtime, RuntimeEvent};

impl pallet_grandpa::Config for Runtime {
	/// The overarching event type.
	type RuntimeEvent = RuntimeEvent;
	/// Reference weights of pallet-grandpa.
	type WeightInfo = ();
	/// Upper bound of the authority set (same as Aura).
	type MaxAuthorities = ConstU32<32>;
	/// No nominators: this chain has no staking.
	type MaxNominators = ConstU32<0>;
	/// No session pallet, so no set-id/session mapping is kept.
	type MaxSetIdSessionEntries = ConstU64<0>;
	/// Equivocation reporting needs a session/staking system, which this chain does not have:
	/// key ownership proofs are uninhabited and reports are ignored.
	type KeyOwnerProof = sp_core::Void;
	/// See `KeyOwnerProof`.
	type EquivocationReportSystem = ();
}
