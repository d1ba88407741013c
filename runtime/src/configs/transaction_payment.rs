//! `pallet_transaction_payment`: fees in MTC for every signed transaction.

use frame_support::{
	parameter_types,
	traits::ConstU8,
	weights::{ConstantMultiplier, IdentityFee},
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

use crate::{Balance, Balances, Runtime, RuntimeEvent, MICRO_MTC};

parameter_types! {
	/// Fees do not float with congestion (a fixed multiplier of 1).
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// Price of one byte of transaction: 1 micro-MTC.
	pub const TransactionByteFee: Balance = MICRO_MTC;
}

impl pallet_transaction_payment::Config for Runtime {
	/// The overarching event type.
	type RuntimeEvent = RuntimeEvent;
	/// Fees are withdrawn from `Balances` and burnt (no treasury, no author reward).
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	/// Operational transactions pay 5x for priority.
	type OperationalFeeMultiplier = ConstU8<5>;
	/// One planck per unit of ref-time weight.
	type WeightToFee = IdentityFee<Balance>;
	/// `TransactionByteFee` per byte of the encoded transaction.
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	/// Fixed fee multiplier.
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}
