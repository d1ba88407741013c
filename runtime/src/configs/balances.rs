//! `Balances`: the MTC token, pallet-token, under the name and pallet index pallet-balances
//! would have, so that wallets and polkadot.js keep working unchanged.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{
	Balance, BlockNumber, Runtime, RuntimeFreezeReason, RuntimeHoldReason, System,
	EXISTENTIAL_DEPOSIT,
};

/// How many snapshots are readable at once: with the snapshot period `P`, a proposal may vote
/// for `P * 14` blocks (28 days with the production period of 2 days).
pub const MAX_SNAPSHOTS: u32 = 15;

/// The account data of this runtime (the type of `System::Account`'s `data`).
pub type AccountData = pallet_token::AccountData<Balance, BlockNumber, ConstU32<MAX_SNAPSHOTS>>;

/// The snapshot period that keeps a proposal's snapshot readable for `longest_voting_period`
/// blocks: the shortest that does (a snapshot is at most one period old at a submission, so the
/// shorter the period, the fresher what a proposal counts). Genesis presets and the migration to
/// snapshots use it with the longest voting period of the chain's classes.
pub fn snapshot_period_for(longest_voting_period: BlockNumber) -> BlockNumber {
	longest_voting_period.div_ceil(MAX_SNAPSHOTS - 1).max(1)
}

parameter_types! {
	/// The existential deposit.
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_token::Config for Runtime {
	/// Holds (e.g. preimage deposits) are keyed by the runtime's hold reasons.
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Freezes are keyed by the runtime's freeze reasons.
	type RuntimeFreezeReason = RuntimeFreezeReason;
	/// Balances in plancks (10^-12 MTC).
	type Balance = Balance;
	/// The least balance an account may hold (and delegate): 0.001 MTC.
	type ExistentialDeposit = ExistentialDeposit;
	/// Dust is burnt.
	type DustRemoval = ();
	/// Account data lives in `System::Account`.
	type AccountStore = System;
	/// One freeze per freeze reason (and room for future ones).
	type MaxFreezes = ConstU32<8>;
	/// One hold per hold reason (and room for future ones).
	type MaxHolds = ConstU32<8>;
	/// See [`MAX_SNAPSHOTS`].
	type MaxSnapshots = ConstU32<MAX_SNAPSHOTS>;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type WeightInfo = pallet_token::weights::SubstrateWeight<Runtime>;
}

/// The parameters of the migration of the token to snapshots (storage version 1).
pub mod migration {
	use super::*;
	use frame_support::traits::Get;
	use sp_runtime::Saturating;

	/// Charges the upgrade block for `reads` storage reads of the migration's parameters (the
	/// migration's own weight counts only what it reads itself).
	fn charge_reads(reads: u64) {
		use frame_support::dispatch::DispatchClass;
		let weight = <Runtime as frame_system::Config>::DbWeight::get().reads(reads);
		System::register_extra_weight_unchecked(weight, DispatchClass::Mandatory);
	}

	/// The snapshot period after the upgrade: [`snapshot_period_for`] the longest voting period
	/// among the chain's classes (each class read once, charged to the upgrade block).
	pub struct PeriodAfterUpgrade;
	impl Get<BlockNumber> for PeriodAfterUpgrade {
		fn get() -> BlockNumber {
			let mut reads = 1u64;
			let longest = pallet_governance::ClassOf::<Runtime>::iter_values()
				.inspect(|_| reads.saturating_inc())
				.map(|class| class.voting_period)
				.max()
				.unwrap_or(1);
			charge_reads(reads);
			snapshot_period_for(longest)
		}
	}

	/// The last block in which a proposal opened before the upgrade takes votes: the history
	/// from before the upgrade is kept readable until then (each stored proposal read once,
	/// charged to the upgrade block).
	pub struct LastLegacyVotingEnd;
	impl Get<BlockNumber> for LastLegacyVotingEnd {
		fn get() -> BlockNumber {
			let mut reads = 1u64;
			let end = pallet_governance::ProposalOf::<Runtime>::iter_values()
				.inspect(|_| reads.saturating_inc())
				.filter(|p| p.status == pallet_governance::ProposalStatus::Ongoing)
				.map(|p| p.voting_end)
				.max()
				.unwrap_or_else(System::block_number);
			charge_reads(reads);
			end
		}
	}

	/// The migration, for `Migrations` in the runtime.
	pub type MigrateToSnapshots =
		pallet_token::migrations::v1::MigrateToV1<Runtime, PeriodAfterUpgrade, LastLegacyVotingEnd>;
}
