//! Test runtimes: `Test` with pallet-token (as `Balances`) and pallet-utility, and `Reference`
//! with pallet-balances configured identically, for differential tests.

use crate::{self as pallet_token, *};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, VariantCount},
};
use scale_info::TypeInfo;
use sp_runtime::BuildStorage;

/// Hold and freeze identifiers of the tests.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Copy,
	Clone,
	PartialEq,
	Eq,
	Ord,
	PartialOrd,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum TestId {
	/// First id.
	Foo,
	/// Second id.
	Bar,
	/// Third id.
	Baz,
}

impl VariantCount for TestId {
	const VARIANT_COUNT: u32 = 3;
}

parameter_types! {
	/// The existential deposit, settable per test.
	pub static ExistentialDeposit: u64 = 1;
	/// Where dust goes, if anywhere (else it is burnt).
	pub static DustTrapTarget: Option<u64> = None;
}

/// The snapshot period of the tests: a snapshot at the end of every 10th block.
pub const PERIOD: u64 = 10;

/// Sends dust to `DustTrapTarget` if set, else burns it.
pub struct DustTrap;
impl frame_support::traits::OnUnbalanced<CreditOf<Test>> for DustTrap {
	fn on_nonzero_unbalanced(amount: CreditOf<Test>) {
		match DustTrapTarget::get() {
			None => drop(amount),
			Some(a) => {
				let result = <Token as fungible::Balanced<_>>::resolve(&a, amount);
				debug_assert!(result.is_ok());
			},
		}
	}
}

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Token = pallet_token;
	#[runtime::pallet_index(2)]
	pub type Utility = pallet_utility;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountData = AccountData<u64, u64, ConstU32<4>>;
	// Real database weights, so that the migration's weight is checked.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

#[derive_impl(pallet_token::config_preludes::TestDefaultConfig)]
impl pallet_token::Config for Test {
	type RuntimeHoldReason = TestId;
	type RuntimeFreezeReason = TestId;
	type ExistentialDeposit = ExistentialDeposit;
	type DustRemoval = DustTrap;
	type AccountStore = System;
	type MaxHolds = ConstU32<3>;
	type MaxFreezes = ConstU32<3>;
}

impl pallet_utility::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = ();
}

/// Builds test externalities.
pub struct ExtBuilder {
	balances: Vec<(u64, u64)>,
	existential_deposit: u64,
	dust_trap: Option<u64>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![(1, 100), (2, 200), (3, 300), (4, 400)],
			existential_deposit: 1,
			dust_trap: None,
		}
	}
}

impl ExtBuilder {
	/// No genesis balances.
	pub fn empty() -> Self {
		Self { balances: vec![], ..Default::default() }
	}
	/// Sets the existential deposit.
	pub fn existential_deposit(mut self, ed: u64) -> Self {
		self.existential_deposit = ed;
		self
	}
	/// Sends dust to `trap`.
	pub fn dust_trap(mut self, trap: u64) -> Self {
		self.dust_trap = Some(trap);
		self
	}
	/// Sets the genesis balances.
	pub fn balances(mut self, balances: Vec<(u64, u64)>) -> Self {
		self.balances = balances;
		self
	}

	/// The externalities at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		ExistentialDeposit::set(self.existential_deposit);
		DustTrapTarget::set(self.dust_trap);
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_token::GenesisConfig::<Test> { balances: self.balances, snapshot_period: PERIOD }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test` at block 1, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Token::do_try_state().expect("try_state invariants hold");
		})
	}
}

/// Moves to block `n`, running the hooks of each block on the way.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

/// Sets the free balance of `who` (test helper minting or burning the difference).
pub fn set_balance(who: u64, amount: u64) {
	<Token as fungible::Mutate<_>>::set_balance(&who, amount);
}

/// Reference runtime: pallet-balances with the same parameters, for differential tests.
pub mod reference {
	use super::*;

	#[frame_support::runtime]
	mod runtime {
		#[runtime::runtime]
		#[runtime::derive(
			RuntimeCall,
			RuntimeEvent,
			RuntimeError,
			RuntimeOrigin,
			RuntimeTask,
			RuntimeViewFunction
		)]
		pub struct Reference;

		#[runtime::pallet_index(0)]
		pub type System = frame_system;
		#[runtime::pallet_index(1)]
		pub type Balances = pallet_balances;
	}

	#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
	impl frame_system::Config for Reference {
		type Block = frame_system::mocking::MockBlock<Reference>;
		type AccountData = pallet_balances::AccountData<u64>;
	}

	/// Sends dust to `DustTrapTarget` if set, else burns it (as [`DustTrap`]).
	pub struct ReferenceDustTrap;
	impl frame_support::traits::OnUnbalanced<pallet_balances::CreditOf<Reference, ()>>
		for ReferenceDustTrap
	{
		fn on_nonzero_unbalanced(amount: pallet_balances::CreditOf<Reference, ()>) {
			match DustTrapTarget::get() {
				None => drop(amount),
				Some(a) => {
					let result = <Balances as fungible::Balanced<_>>::resolve(&a, amount);
					debug_assert!(result.is_ok());
				},
			}
		}
	}

	#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
	impl pallet_balances::Config for Reference {
		type DustRemoval = ReferenceDustTrap;
		type RuntimeHoldReason = TestId;
		type RuntimeFreezeReason = TestId;
		type FreezeIdentifier = TestId;
		type ExistentialDeposit = ExistentialDeposit;
		type AccountStore = System;
		type MaxFreezes = ConstU32<3>;
	}

	/// Reference externalities with the same genesis balances.
	pub fn build(balances: Vec<(u64, u64)>, ed: u64) -> sp_io::TestExternalities {
		ExistentialDeposit::set(ed);
		let mut storage =
			frame_system::GenesisConfig::<Reference>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Reference> { balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}
}
