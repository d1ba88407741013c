//! `Balances`: the MTC token, pallet-token, under the name and pallet index pallet-balances
//! would have, so that wallets and polkadot.js keep working unchanged.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{
	Balance, BlockNumber, Runtime, RuntimeFreezeReason, RuntimeHoldReason, System, DAYS,
	EXISTENTIAL_DEPOSIT,
};

/// How far back voting power must stay exactly readable until governance supplies the oldest
/// snapshot of an open proposal: 30 days.
pub const VOTING_HISTORY_WINDOW: BlockNumber = 30 * DAYS;

parameter_types! {
	/// The existential deposit.
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

/// The oldest block whose voting power must stay exactly readable.
pub struct HistoryHorizon;
impl frame_support::traits::Get<BlockNumber> for HistoryHorizon {
	fn get() -> BlockNumber {
		System::block_number().saturating_sub(VOTING_HISTORY_WINDOW)
	}
}

impl pallet_token::Config for Runtime {
	/// Holds (e.g. preimage deposits) are keyed by the runtime's hold reasons.
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Freezes are keyed by the runtime's freeze reasons.
	type RuntimeFreezeReason = RuntimeFreezeReason;
	/// Balances in plancks (10^-12 MTC).
	type Balance = Balance;
	/// The least balance an account may hold: 0.001 MTC.
	type ExistentialDeposit = ExistentialDeposit;
	/// Dust is burnt.
	type DustRemoval = ();
	/// Account data lives in `System::Account`.
	type AccountStore = System;
	/// Exact voting power for the last 30 days (see [`VOTING_HISTORY_WINDOW`]).
	type HistoryHorizon = HistoryHorizon;
	/// One freeze per freeze reason (and room for future ones).
	type MaxFreezes = ConstU32<8>;
	/// One hold per hold reason (and room for future ones).
	type MaxHolds = ConstU32<8>;
	/// Voting-power checkpoints per account within the window before coarsening.
	type MaxCheckpoints = ConstU32<64>;
	/// One supply checkpoint per block over the whole window.
	type MaxSupplyCheckpoints = ConstU32<{ VOTING_HISTORY_WINDOW + 100 }>;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type WeightInfo = pallet_token::weights::SubstrateWeight<Runtime>;
}
