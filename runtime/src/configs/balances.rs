//! `Balances`: the MTC token. This is pallet-balances until pallet-token replaces it under the
//! same name and pallet index, so that wallets and polkadot.js keep working unchanged.

use frame_support::traits::{ConstU128, ConstU32, VariantCountOf};

use crate::{
	Balance, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System,
	EXISTENTIAL_DEPOSIT,
};

impl pallet_balances::Config for Runtime {
	/// The overarching event type.
	type RuntimeEvent = RuntimeEvent;
	/// Holds (e.g. preimage deposits) are keyed by the runtime's hold reasons.
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Freezes are keyed by the runtime's freeze reasons.
	type RuntimeFreezeReason = RuntimeFreezeReason;
	/// Reference weights of pallet-balances (until our own benchmarks replace them).
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	/// Balances in plancks (10^-12 MTC).
	type Balance = Balance;
	/// Dust (balances below the existential deposit) is burnt.
	type DustRemoval = ();
	/// The least balance an account may hold.
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	/// Account data lives in `System::Account`.
	type AccountStore = System;
	/// Legacy named reserves are not used.
	type ReserveIdentifier = [u8; 8];
	/// Freezes are identified by freeze reason.
	type FreezeIdentifier = RuntimeFreezeReason;
	/// Legacy locks per account.
	type MaxLocks = ConstU32<50>;
	/// Legacy named reserves per account.
	type MaxReserves = ConstU32<50>;
	/// One freeze per freeze reason.
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	/// Nothing to do after a hold is slashed.
	type DoneSlashHandler = ();
}
