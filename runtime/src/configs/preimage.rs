//! `pallet_preimage`: stores the bodies of proposed calls and of new runtime code, each paid for
//! by a deposit held from the account that noted it.

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, LinearStoragePrice},
};
use frame_system::EnsureRoot;

use super::deposit;
use crate::{Balance, Balances, Runtime, RuntimeEvent, RuntimeHoldReason};

parameter_types! {
	/// Deposit base for a preimage.
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	/// Deposit per byte of a preimage.
	pub const PreimageByteDeposit: Balance = deposit(0, 1);
	/// The hold reason under which preimage deposits are held.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	/// The overarching event type.
	type RuntimeEvent = RuntimeEvent;
	/// pallet-preimage's reference weights: its benchmarks need the legacy `Currency` API, which
	/// this runtime refuses, so `scripts/weights.sh` cannot measure them here.
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	/// Legacy reserved deposits exist only for preimages noted before holds existed, which this
	/// chain never had: deposits are holds (see `Consideration`), legacy reserves are refused.
	type Currency = super::legacy_currency::NoLegacyReserves;
	/// Only Root (that is, governance) may note or unnote a preimage on someone's behalf.
	type ManagerOrigin = EnsureRoot<crate::AccountId>;
	/// A deposit of `base + bytes x byte deposit`, held from the account that notes it.
	type Consideration = HoldConsideration<
		crate::AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}
